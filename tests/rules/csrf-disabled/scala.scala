# bastion-fixture: app/AppLoader.scala
class AppComponents(ctx: Context) extends BuiltInComponentsFromContext(ctx) {
  override def configuration = super.configuration ++ Configuration(
# expect: csrf-disabled
    "play.filters.disabled" -> Seq("play.filters.csrf.CSRFFilter"))
  override def httpFilters: Seq[EssentialFilter] = Seq(securityHeadersFilter)
}
