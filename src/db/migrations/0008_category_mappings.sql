CREATE TABLE "category_mappings" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_id" text,
	"site_id" text NOT NULL,
	"source_path" text NOT NULL,
	"category_id" text NOT NULL,
	"category_path" text,
	"confirmed_by" text NOT NULL,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "category_mappings_key" UNIQUE NULLS NOT DISTINCT("seller_id","site_id","source_path")
);
--> statement-breakpoint
CREATE TABLE "category_trees" (
	"site_id" text PRIMARY KEY NOT NULL,
	"tree" jsonb NOT NULL,
	"node_count" integer NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "category_mappings" ADD CONSTRAINT "category_mappings_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "category_mappings_site_idx" ON "category_mappings" USING btree ("site_id","source_path");