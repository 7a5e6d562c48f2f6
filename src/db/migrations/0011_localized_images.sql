CREATE TABLE "localized_images" (
	"id" text PRIMARY KEY NOT NULL,
	"source_hash" text NOT NULL,
	"locale" text NOT NULL,
	"tm_version" text NOT NULL,
	"scope_key" text NOT NULL,
	"seller_id" text,
	"mime" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"report" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "localized_images" ADD CONSTRAINT "localized_images_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "localized_images_key_idx" ON "localized_images" USING btree ("source_hash","locale","tm_version","scope_key");--> statement-breakpoint
CREATE INDEX "localized_images_seller_idx" ON "localized_images" USING btree ("seller_id");