// BillingSandbox: filled by its issue.
