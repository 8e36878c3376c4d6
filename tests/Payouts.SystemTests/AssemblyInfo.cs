// Each fixture runs a whole platform (a dozen processes); two at once on a small machine only slow each other down.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
