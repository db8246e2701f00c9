ALTER TABLE `coefficients` ADD `step` real;--> statement-breakpoint
ALTER TABLE `laws` ADD `sensitivity` text;