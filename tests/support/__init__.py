"""What the tests share: repository paths, one scripted transport, sample calls, reference signers."""
