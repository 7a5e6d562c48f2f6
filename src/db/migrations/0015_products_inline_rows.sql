-- A product row (most of it the description, ~1.5 KB, stored uncompressed since 0001) stays in
-- the table's own page up to a page's worth of bytes, instead of being moved out to the TOAST
-- table from 2 KB on: most products were just over that, and writing each description as a TOAST
-- chunk plus a TOAST index entry was ~10% of the PostgreSQL server's work in a bulk import.
ALTER TABLE "products" SET (toast_tuple_target = 8160);
