package inventory.http

import java.io.{ByteArrayInputStream, ObjectInputStream}
import java.nio.file.Paths
import java.security.SecureRandom
import javax.crypto.Cipher
import javax.crypto.spec.{IvParameterSpec, SecretKeySpec}
import javax.xml.parsers.DocumentBuilderFactory

import scala.concurrent.ExecutionContext
import scala.util.Random

import akka.http.scaladsl.Http
import akka.http.scaladsl.model._
import akka.http.scaladsl.model.headers.RawHeader
import akka.http.scaladsl.server.Directives._
import akka.http.scaladsl.server.Route
import slick.jdbc.PostgresProfile.api._

class InventoryRoutes(db: Database)(implicit ec: ExecutionContext) {

  private val apiKey = "inv-prod-7c1e4a90b2d3" // vuln: CWE-798
  private val apiKeyFromEnv = sys.env.getOrElse("INVENTORY_API_KEY", "") // safe: CWE-798
  private val key = new SecretKeySpec(sys.env("INVENTORY_KEY").getBytes("UTF-8"), "AES")

  val routes: Route =
    path("items") {
      parameter("warehouse") { warehouse =>
        val q = sql"SELECT name FROM items WHERE warehouse = #$warehouse".as[String] // vuln: CWE-89
        onSuccess(db.run(q)) { names => complete(names.mkString(",")) }
      }
    } ~
    path("items-safe") {
      parameter("warehouse") { warehouse =>
        val q = sql"SELECT name FROM items WHERE warehouse = $warehouse".as[String] // safe: CWE-89
        onSuccess(db.run(q)) { names => complete(names.mkString(",")) }
      }
    } ~
    path("items" / "purge") {
      parameter("sku") { sku =>
        val action = sqlu"DELETE FROM items WHERE sku = '#${sku}'" // vuln: CWE-89
        onSuccess(db.run(action)) { n => complete(n.toString) }
      }
    } ~
    path("items" / "export") {
      parameter("file") { file =>
        getFromFile("/srv/inventory/exports/" + file) // vuln: CWE-22
      }
    } ~
    path("items" / "export-safe") {
      parameter("file") { file =>
        getFromFile(Paths.get("/srv/inventory/exports").resolve(Paths.get(file).getFileName).toFile) // safe: CWE-22
      }
    } ~
    path("items" / "label") {
      parameter("printer") { printer =>
        val p = Runtime.getRuntime.exec("lpr -P " + printer + " /tmp/label.pdf") // vuln: CWE-78
        complete(p.waitFor().toString)
      }
    } ~
    path("items" / "restore") {
      entity(as[Array[Byte]]) { bytes =>
        val obj = new ObjectInputStream(new ByteArrayInputStream(bytes)).readObject() // vuln: CWE-502
        complete(obj.toString)
      }
    } ~
    path("items" / "import") {
      entity(as[String]) { xml =>
        val dbf = DocumentBuilderFactory.newInstance() // vuln: CWE-611
        val doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes("UTF-8")))
        complete(doc.getDocumentElement.getTagName)
      }
    } ~
    path("items" / "hello") {
      parameter("name") { name =>
        complete(HttpEntity(ContentTypes.`text/html(UTF-8)`, s"<p>Hello $name</p>")) // vuln: CWE-79
      }
    } ~
    path("items" / "hello-plain") {
      parameter("name") { name =>
        complete(HttpEntity(ContentTypes.`text/plain(UTF-8)`, s"Hello $name")) // safe: CWE-79
      }
    } ~
    path("items" / "go") {
      parameter("to") { to =>
        redirect(Uri(to), StatusCodes.Found) // vuln: CWE-601
      }
    } ~
    path("items" / "tag") {
      parameter("tag") { tag =>
        respondWithHeader(RawHeader("X-Item-Tag", tag)) { // vuln: CWE-113
          complete(StatusCodes.NoContent)
        }
      }
    } ~
    path("items" / "proxy") {
      parameter("url") { url =>
        onSuccess(Http()(null).singleRequest(HttpRequest(uri = url))) { resp => // vuln: CWE-918
          complete(resp.status)
        }
      }
    }

  def pickupCode(): String = Random.alphanumeric.take(8).mkString // vuln: CWE-330

  def pickupCodeSafe(): String = {
    val bytes = new Array[Byte](16)
    new SecureRandom().nextBytes(bytes) // safe: CWE-330
    bytes.map("%02x".format(_)).mkString
  }

  def encrypt(data: Array[Byte]): Array[Byte] = {
    val cipher = Cipher.getInstance("AES/CBC/PKCS5Padding")
    cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(Array.fill[Byte](16)(0))) // vuln: CWE-329
    cipher.doFinal(data)
  }

  def encryptLegacy(data: Array[Byte]): Array[Byte] = {
    val cipher = Cipher.getInstance("DESede/ECB/PKCS5Padding") // vuln: CWE-327
    cipher.init(Cipher.ENCRYPT_MODE, key)
    cipher.doFinal(data)
  }

  def encryptModern(data: Array[Byte]): Array[Byte] = {
    val cipher = Cipher.getInstance("AES/GCM/NoPadding") // safe: CWE-327
    cipher.init(Cipher.ENCRYPT_MODE, key)
    cipher.getIV ++ cipher.doFinal(data)
  }
}
