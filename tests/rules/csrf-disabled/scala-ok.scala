# bastion-fixture: app/AppLoader.scala
# ok: csrf-disabled
class AppComponents(ctx: Context) extends BuiltInComponentsFromContext(ctx)
    with CSRFComponents {
  override def httpFilters: Seq[EssentialFilter] = Seq(csrfFilter, securityHeadersFilter)
}
