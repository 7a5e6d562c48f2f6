CREATE TABLE "hosted_images" (
	"site" text NOT NULL,
	"source_url" text NOT NULL,
	"hosted_url" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hosted_images_site_source_url_pk" PRIMARY KEY("site","source_url")
);
--> statement-breakpoint
CREATE TABLE "listing_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"listing_id" text NOT NULL,
	"seller_id" text NOT NULL,
	"kind" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"code" text,
	"message" text,
	"detail" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listing_skus" (
	"variant_id" text NOT NULL,
	"site" text NOT NULL,
	"listing_id" text NOT NULL,
	"seller_id" text NOT NULL,
	"seller_sku" text NOT NULL,
	"item_id" text,
	"sku_id" text,
	"pushed_currency" text,
	"pushed_price_minor" bigint,
	"pushed_quantity" integer,
	"pushed_at" timestamp with time zone,
	CONSTRAINT "listing_skus_variant_id_site_pk" PRIMARY KEY("variant_id","site")
);
--> statement-breakpoint
CREATE TABLE "listings" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"product_id" text NOT NULL,
	"site" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"category_id" text,
	"category_path" text,
	"category_confidence" real,
	"item_id" text,
	"title" text,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"content_hash" text,
	"qc_reason" text,
	"last_error_code" text,
	"last_error_message" text,
	"last_sync_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "listing_events_listing_idx" ON "listing_events" USING btree ("listing_id","id");--> statement-breakpoint
CREATE INDEX "listing_skus_listing_idx" ON "listing_skus" USING btree ("listing_id");--> statement-breakpoint
CREATE INDEX "listing_skus_site_sku_idx" ON "listing_skus" USING btree ("site","seller_sku");--> statement-breakpoint
CREATE UNIQUE INDEX "listings_product_site_uq" ON "listings" USING btree ("product_id","site");--> statement-breakpoint
CREATE INDEX "listings_site_state_idx" ON "listings" USING btree ("site","state");--> statement-breakpoint
CREATE INDEX "listings_seller_idx" ON "listings" USING btree ("seller_id","site");