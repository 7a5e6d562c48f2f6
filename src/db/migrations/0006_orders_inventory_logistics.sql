CREATE TABLE "stock_items" (
	"variant_id" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"seller_sku" text NOT NULL,
	"on_hand" integer DEFAULT 0 NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	"synced_version" bigint DEFAULT 0 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_items_on_hand_nonneg" CHECK ("stock_items"."on_hand" >= 0),
	CONSTRAINT "stock_items_reserved_within" CHECK ("stock_items"."reserved" >= 0 AND "stock_items"."reserved" <= "stock_items"."on_hand")
);
--> statement-breakpoint
CREATE TABLE "stock_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"variant_id" text NOT NULL,
	"kind" text NOT NULL,
	"on_hand_delta" integer NOT NULL,
	"reserved_delta" integer NOT NULL,
	"on_hand_after" integer NOT NULL,
	"reserved_after" integer NOT NULL,
	"site" text,
	"ref" text,
	"idempotency_key" text NOT NULL,
	"actor" text DEFAULT 'system' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_ledger_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "stock_policies" (
	"seller_id" text NOT NULL,
	"variant_id" text NOT NULL,
	"mode" text NOT NULL,
	"buffers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"weights" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_policies_seller_id_variant_id_pk" PRIMARY KEY("seller_id","variant_id")
);
--> statement-breakpoint
CREATE TABLE "stock_reservations" (
	"ref" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"variant_id" text NOT NULL,
	"site" text NOT NULL,
	"quantity" integer NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_channels" (
	"site" text NOT NULL,
	"external_seller_id" text NOT NULL,
	"seller_id" text NOT NULL,
	"platform" text NOT NULL,
	"token_key" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"swept_until" timestamp with time zone,
	"last_sweep_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_channels_site_external_seller_id_pk" PRIMARY KEY("site","external_seller_id")
);
--> statement-breakpoint
CREATE TABLE "order_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"order_id" text NOT NULL,
	"line_id" text,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"source" text NOT NULL,
	"detail" jsonb,
	"at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_lines" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"order_id" text NOT NULL,
	"site" text NOT NULL,
	"external_item_id" text NOT NULL,
	"seller_sku" text,
	"variant_id" text,
	"shop_sku" text,
	"name" text,
	"quantity" integer DEFAULT 1 NOT NULL,
	"currency" text NOT NULL,
	"item_price_minor" bigint NOT NULL,
	"paid_price_minor" bigint NOT NULL,
	"item_price_krw" bigint NOT NULL,
	"status" text NOT NULL,
	"status_at" timestamp with time zone,
	"stock_state" text DEFAULT 'none' NOT NULL,
	"package_id" text,
	"external_package_id" text,
	"tracking_number" text,
	"shipment_provider" text,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_returns" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"order_id" text NOT NULL,
	"line_id" text NOT NULL,
	"kind" text NOT NULL,
	"external_reverse_order_id" text,
	"status" text DEFAULT 'open' NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"site" text NOT NULL,
	"platform" text NOT NULL,
	"external_order_id" text NOT NULL,
	"order_number" text,
	"external_seller_id" text NOT NULL,
	"currency" text NOT NULL,
	"items_total_minor" bigint NOT NULL,
	"shipping_fee_minor" bigint DEFAULT 0 NOT NULL,
	"items_total_krw" bigint NOT NULL,
	"fx_snapshot_id" text NOT NULL,
	"fx_rate" text NOT NULL,
	"payment_method" text,
	"buyer_name" text,
	"buyer_country" text,
	"shipping_address" jsonb,
	"placed_at" timestamp with time zone NOT NULL,
	"remote_updated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "packages" (
	"id" text PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"order_id" text NOT NULL,
	"site" text NOT NULL,
	"external_package_id" text NOT NULL,
	"tracking_number" text,
	"shipment_provider" text,
	"status" text NOT NULL,
	"service_code" text,
	"first_mile_carrier" text,
	"first_mile_tracking" text,
	"weight_g" integer,
	"label_printed_at" timestamp with time zone,
	"handed_over_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "push_inbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"platform" text NOT NULL,
	"site" text,
	"external_seller_id" text NOT NULL,
	"message_type" integer NOT NULL,
	"dedupe_key" text NOT NULL,
	"external_order_id" text,
	"body" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_at" timestamp with time zone,
	"processed_at" timestamp with time zone,
	"error" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "push_inbox_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "tracking_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"seller_id" text NOT NULL,
	"package_id" text NOT NULL,
	"leg" text NOT NULL,
	"carrier" text NOT NULL,
	"tracking_number" text,
	"code" text NOT NULL,
	"description" text NOT NULL,
	"location" text,
	"at" timestamp with time zone NOT NULL,
	"dedupe_key" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracking_events_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE INDEX "stock_items_seller_sku_idx" ON "stock_items" USING btree ("seller_id","seller_sku");--> statement-breakpoint
CREATE INDEX "stock_items_unsynced_idx" ON "stock_items" USING btree ("changed_at") WHERE "stock_items"."version" > "stock_items"."synced_version";--> statement-breakpoint
CREATE INDEX "stock_ledger_variant_idx" ON "stock_ledger" USING btree ("seller_id","variant_id","id");--> statement-breakpoint
CREATE INDEX "stock_reservations_variant_idx" ON "stock_reservations" USING btree ("variant_id","site") WHERE "stock_reservations"."state" = 'active';--> statement-breakpoint
CREATE INDEX "order_channels_seller_idx" ON "order_channels" USING btree ("seller_id");--> statement-breakpoint
CREATE INDEX "order_events_order_idx" ON "order_events" USING btree ("order_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "order_lines_site_external_uq" ON "order_lines" USING btree ("site","external_item_id");--> statement-breakpoint
CREATE INDEX "order_lines_order_idx" ON "order_lines" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_lines_seller_status_idx" ON "order_lines" USING btree ("seller_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "order_returns_line_kind_uq" ON "order_returns" USING btree ("line_id","kind");--> statement-breakpoint
CREATE INDEX "order_returns_seller_idx" ON "order_returns" USING btree ("seller_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_site_external_uq" ON "orders" USING btree ("site","external_order_id");--> statement-breakpoint
CREATE INDEX "orders_seller_placed_idx" ON "orders" USING btree ("seller_id","placed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "packages_site_external_uq" ON "packages" USING btree ("site","external_package_id");--> statement-breakpoint
CREATE INDEX "packages_seller_status_idx" ON "packages" USING btree ("seller_id","status");--> statement-breakpoint
CREATE INDEX "push_inbox_due_idx" ON "push_inbox" USING btree ("available_at","id") WHERE "push_inbox"."state" IN ('pending', 'processing');--> statement-breakpoint
CREATE INDEX "tracking_events_package_idx" ON "tracking_events" USING btree ("package_id","at");