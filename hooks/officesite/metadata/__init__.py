"""The one toolkit every metadata file of the site is read and checked with.

- reading: bytes to text (UTF-8; Windows-874 recognised), front matter, YAML read with limits;
- fields: the field types a schema is declared with (officesite/schema.py declares every
  content kind with them), and how a value is checked against them;
- problems: the one collector and the one message form, `file: field: expected …, got …`;
- cache: what was read from a file, kept while the file is unchanged (its signature);
- shown: how a message shows a value it refuses (short, on one line).
"""
