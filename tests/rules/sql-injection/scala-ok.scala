# bastion-fixture: app/controllers/UserController.scala
# ok: sql-injection
class UserController @Inject()(cc: ControllerComponents) extends AbstractController(cc) {
  def search = Action { request =>
    val q = request.getQueryString("q").getOrElse("")
    val ps = conn.prepareStatement("SELECT * FROM " + Tables.Users + " WHERE name = ?")
    ps.setString(1, q)
    Ok("done")
  }
}
