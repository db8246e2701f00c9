ALTER TABLE `laws` ADD `aliases` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `papers` ADD `aliases` text DEFAULT '[]' NOT NULL;