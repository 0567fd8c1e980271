"""The term base (data/terms.yml): preferred Japanese-English pairs, the consistency check of
unofficial translations against it, its TBX export, candidate pairs for editors, and the
bilingual concordance built on the aligned units."""
