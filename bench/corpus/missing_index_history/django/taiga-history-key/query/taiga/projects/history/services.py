from django.apps import apps


def latest_full_snapshot(object_key):
    # The model is looked up by name so this module imports no models at load time.
    entries = apps.get_model("history", "HistoryEntry")
    return (entries.objects
            .filter(key=object_key, is_snapshot=True)
            .order_by("-created_at")
            .first())
