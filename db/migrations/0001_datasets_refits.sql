CREATE TABLE `datasets` (
	`id` text PRIMARY KEY NOT NULL,
	`paper` text NOT NULL,
	`title` text NOT NULL,
	`spec` text NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	FOREIGN KEY (`paper`) REFERENCES `papers`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `refits` (
	`law` text NOT NULL,
	`position` integer NOT NULL,
	`dataset` text NOT NULL,
	`spec` text NOT NULL,
	`status` text NOT NULL,
	`passed` integer NOT NULL,
	`summary` text NOT NULL,
	`outcome` text NOT NULL,
	PRIMARY KEY(`law`, `position`),
	FOREIGN KEY (`law`) REFERENCES `laws`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dataset`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE no action
);
