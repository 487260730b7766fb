"""Turn a spec and a clause library into a document model and then into .docx bytes."""
