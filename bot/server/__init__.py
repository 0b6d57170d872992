"""The GitHub App side: webhook receiver, durable job ledger and queue, workers."""
