ALTER TABLE `checks` ADD `measured` text;--> statement-breakpoint
ALTER TABLE `checks` ADD `depends` text NOT NULL;