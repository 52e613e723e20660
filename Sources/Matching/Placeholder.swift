// Placeholder while the module is written; removed before commit.
