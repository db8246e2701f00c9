-- SQLite cannot add a NOT NULL column without a default to a table, so `laws` is made anew (the build migrates an empty database)
DROP TABLE `laws`;--> statement-breakpoint
CREATE TABLE `laws` (
	`id` text PRIMARY KEY NOT NULL,
	`paper` text NOT NULL,
	`key` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`aliases` text DEFAULT '[]' NOT NULL,
	`latex` text NOT NULL,
	`form_only` integer NOT NULL,
	`doc` text NOT NULL,
	FOREIGN KEY (`paper`) REFERENCES `papers`(`slug`) ON UPDATE no action ON DELETE no action
);
