CREATE TABLE "marketplace_tokens" (
	"key" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"platform" text NOT NULL,
	"ciphertext" text NOT NULL,
	"access_expires_at" bigint NOT NULL,
	"refresh_expires_at" bigint,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "marketplace_tokens_refresh_due_idx" ON "marketplace_tokens" USING btree ("access_expires_at");--> statement-breakpoint
CREATE INDEX "marketplace_tokens_seller_idx" ON "marketplace_tokens" USING btree ("seller_id");