"""The phrase bank: one SQLite file of documents, phrases, their sources and a full-text index of the
corpus sentences. Storage and queries (`store`, `schema`, `sentences`), import (`importer`,
`stepwise_import`), which files are used (`banks`), sharing (`sharing`), the writer's own phrases
(`user_phrases`, `phrase_lists`) and completion candidates (`completion`)."""
