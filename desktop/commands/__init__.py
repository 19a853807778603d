"""One module per CLI sub-command, each with `run(args) -> int`. No Qt on this path."""
