CREATE TABLE "image_sources" (
	"seller_id" text NOT NULL,
	"url" text NOT NULL,
	"source_hash" text NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "image_sources" ADD CONSTRAINT "image_sources_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "image_sources_key_idx" ON "image_sources" USING btree ("seller_id","url");