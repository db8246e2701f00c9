DROP TABLE `coefficients`;--> statement-breakpoint
DROP TABLE `law_inputs`;--> statement-breakpoint
ALTER TABLE `checks` DROP COLUMN `inputs`;--> statement-breakpoint
ALTER TABLE `checks` DROP COLUMN `of`;--> statement-breakpoint
ALTER TABLE `checks` DROP COLUMN `expect`;--> statement-breakpoint
ALTER TABLE `checks` DROP COLUMN `rel_tol`;--> statement-breakpoint
ALTER TABLE `checks` DROP COLUMN `abs_tol`;--> statement-breakpoint
ALTER TABLE `checks` DROP COLUMN `measured`;--> statement-breakpoint
ALTER TABLE `checks` DROP COLUMN `source`;--> statement-breakpoint
ALTER TABLE `checks` DROP COLUMN `note`;--> statement-breakpoint
ALTER TABLE `laws` DROP COLUMN `description`;--> statement-breakpoint
ALTER TABLE `laws` DROP COLUMN `expr`;--> statement-breakpoint
ALTER TABLE `laws` DROP COLUMN `output`;--> statement-breakpoint
ALTER TABLE `laws` DROP COLUMN `source`;--> statement-breakpoint
ALTER TABLE `laws` DROP COLUMN `variant`;--> statement-breakpoint
ALTER TABLE `laws` DROP COLUMN `variants`;--> statement-breakpoint
ALTER TABLE `laws` DROP COLUMN `verification`;--> statement-breakpoint
ALTER TABLE `laws` DROP COLUMN `unchecked`;--> statement-breakpoint
ALTER TABLE `laws` DROP COLUMN `free`;--> statement-breakpoint
ALTER TABLE `laws` DROP COLUMN `sensitivity`;--> statement-breakpoint
ALTER TABLE `refits` DROP COLUMN `spec`;