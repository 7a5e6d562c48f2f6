ALTER TABLE "packages" ADD COLUMN "international_carrier" text;--> statement-breakpoint
ALTER TABLE "packages" ADD COLUMN "international_tracking" text;