ALTER TABLE "variants" DROP CONSTRAINT "variants_seller_id_sellers_id_fk";
