"""The change report and package releases between two versions of a spec."""
