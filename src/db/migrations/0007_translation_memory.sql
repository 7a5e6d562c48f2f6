CREATE TABLE "translation_glossary" (
	"id" text PRIMARY KEY NOT NULL,
	"scope_key" text NOT NULL,
	"seller_id" text,
	"brand" text,
	"target_lang" text NOT NULL,
	"source_text" text NOT NULL,
	"source_key" text NOT NULL,
	"target_text" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "translation_memory" (
	"id" text PRIMARY KEY NOT NULL,
	"scope_key" text NOT NULL,
	"seller_id" text,
	"brand" text,
	"source_lang" text NOT NULL,
	"target_lang" text NOT NULL,
	"style" text NOT NULL,
	"source_key" text NOT NULL,
	"source_text" text NOT NULL,
	"target_text" text NOT NULL,
	"tokens" text[] DEFAULT '{}'::text[] NOT NULL,
	"provenance" text NOT NULL,
	"status" text NOT NULL,
	"checks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"termbase_version" text,
	"approved_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "translation_review_items" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_id" text,
	"brand" text,
	"source_lang" text NOT NULL,
	"target_lang" text NOT NULL,
	"style" text NOT NULL,
	"source_key" text NOT NULL,
	"source_text" text NOT NULL,
	"sample_text" text NOT NULL,
	"placeholders" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"proposal" text,
	"proposal_provenance" text,
	"checks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unknown_words" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"occurrences" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"occurrence_count" integer DEFAULT 0 NOT NULL,
	"resolution" text,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "translation_usage" (
	"provider" text NOT NULL,
	"day" text NOT NULL,
	"requests" integer DEFAULT 0 NOT NULL,
	"characters" bigint DEFAULT 0 NOT NULL,
	"segments" integer DEFAULT 0 NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"retries" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "translation_usage_provider_day_pk" PRIMARY KEY("provider","day")
);
--> statement-breakpoint
ALTER TABLE "translation_glossary" ADD CONSTRAINT "translation_glossary_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "translation_memory" ADD CONSTRAINT "translation_memory_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "translation_review_items" ADD CONSTRAINT "translation_review_items_seller_id_sellers_id_fk" FOREIGN KEY ("seller_id") REFERENCES "public"."sellers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "translation_glossary_uq" ON "translation_glossary" USING btree ("scope_key","target_lang","source_key");--> statement-breakpoint
CREATE INDEX "translation_glossary_seller_idx" ON "translation_glossary" USING btree ("seller_id");--> statement-breakpoint
CREATE UNIQUE INDEX "translation_memory_uq" ON "translation_memory" USING btree ("scope_key","source_lang","target_lang","style","source_key");--> statement-breakpoint
CREATE INDEX "translation_memory_seller_idx" ON "translation_memory" USING btree ("seller_id");--> statement-breakpoint
CREATE INDEX "translation_memory_tokens_idx" ON "translation_memory" USING gin ("tokens");--> statement-breakpoint
CREATE INDEX "translation_review_seller_status_idx" ON "translation_review_items" USING btree ("seller_id","status");--> statement-breakpoint
CREATE INDEX "translation_review_key_idx" ON "translation_review_items" USING btree ("target_lang","source_key");