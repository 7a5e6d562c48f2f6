ALTER TABLE "order_lines" ADD COLUMN "reverse_status" text;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "reverse_phase" text;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "reverse_status_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "external_reverse_order_id" text;--> statement-breakpoint
ALTER TABLE "order_returns" ADD COLUMN "arrived_at" timestamp with time zone;