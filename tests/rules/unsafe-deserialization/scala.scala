# bastion-fixture: app/controllers/UnsafeDeserializationController.scala
class UnsafeDeserializationController @Inject()(cc: ControllerComponents, ws: WSClient) extends AbstractController(cc) {
  def handle = Action { request =>
    val v = request.getQueryString("v").getOrElse("")
# expect: unsafe-deserialization
    val o = new ObjectInputStream(new ByteArrayInputStream(v.getBytes)).readObject()
    Ok("ok")
  }
}
