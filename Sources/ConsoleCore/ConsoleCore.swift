// ConsoleCore: filled by its issue.
