# bastion-fixture: app/controllers/UnsafeDeserializationController.scala
class UnsafeDeserializationController @Inject()(cc: ControllerComponents, ws: WSClient) extends AbstractController(cc) {
  def handle = Action { request =>
    val v = request.getQueryString("v").getOrElse("")
# ok: unsafe-deserialization
    val o = new ObjectInputStream(new FileInputStream("cache.bin")).readObject()
    Ok("ok")
  }
}
