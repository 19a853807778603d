"""The rules, one module per family: numbering, punctuation, content, speech, terms."""
