CREATE TABLE "gmv_targets" (
	"year" integer PRIMARY KEY NOT NULL,
	"amount_krw" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "orders_placed_idx" ON "orders" USING btree ("placed_at");