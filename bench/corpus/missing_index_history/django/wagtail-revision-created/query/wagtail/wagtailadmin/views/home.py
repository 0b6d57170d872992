from wagtail.wagtailcore.models import UserPagePermissionsProxy


class ModerationQueuePanel:
    """Dashboard panel: revisions waiting for this user's review, newest first."""

    def __init__(self, request):
        perms = UserPagePermissionsProxy(request.user)
        self.waiting = (perms.revisions_for_moderation()
                        .select_related("page", "user").order_by("-created_at"))
