"""What a run writes beside the packages: manifests, and the files of a package."""
