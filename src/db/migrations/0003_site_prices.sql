CREATE TABLE "site_prices" (
	"variant_id" text NOT NULL,
	"site" text NOT NULL,
	"seller_id" text NOT NULL,
	"status" text NOT NULL,
	"currency" text,
	"price_minor" bigint,
	"failure" jsonb,
	"fx_snapshot_id" text NOT NULL,
	"data_version" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_prices_variant_id_site_pk" PRIMARY KEY("variant_id","site")
);
--> statement-breakpoint
CREATE INDEX "site_prices_seller_idx" ON "site_prices" USING btree ("seller_id","site");