package orders.persistence

import java.io.File
import java.nio.file.{Files, Path}
import java.nio.file.attribute.PosixFilePermissions
import javax.crypto.Cipher
import javax.crypto.spec.{GCMParameterSpec, IvParameterSpec, SecretKeySpec}
import javax.net.ssl.{SSLContext, TrustManager, X509TrustManager}
import java.security.cert.X509Certificate
import java.security.SecureRandom

import scala.concurrent.{ExecutionContext, Future}

import akka.http.scaladsl.model.{HttpResponse, StatusCodes}
import akka.http.scaladsl.model.headers.{HttpCookie, `Set-Cookie`}
import akka.http.scaladsl.server.Directives._
import akka.http.scaladsl.server.Route
import slick.jdbc.GetResult
import slick.jdbc.MySQLProfile.api._

final case class Order(id: Long, customer: String, total: BigDecimal, status: String)

class OrdersTable(tag: Tag) extends Table[Order](tag, "orders") {
  def id = column[Long]("id", O.PrimaryKey)
  def customer = column[String]("customer")
  def total = column[BigDecimal]("total")
  def status = column[String]("status")
  def * = (id, customer, total, status).mapTo[Order]
}

class OrdersRepository(db: Database)(implicit ec: ExecutionContext) {
  private val orders = TableQuery[OrdersTable]
  implicit val getOrder: GetResult[Order] = GetResult(r => Order(r.<<, r.<<, r.<<, r.<<))
  private val sortable = Map("total" -> "total", "customer" -> "customer")

  def byCustomer(customer: String): Future[Seq[Order]] =
    db.run(orders.filter(_.customer === customer).result) // safe: CWE-89

  def byCustomerRaw(customer: String): Future[Vector[Order]] =
    db.run(sql"SELECT * FROM orders WHERE customer = '#$customer'".as[Order]) // vuln: CWE-89

  def byCustomerBound(customer: String): Future[Vector[Order]] =
    db.run(sql"SELECT * FROM orders WHERE customer = $customer".as[Order]) // safe: CWE-89

  def sorted(by: String): Future[Vector[Order]] = {
    val column = sortable.getOrElse(by, "id")
    db.run(sql"SELECT * FROM orders ORDER BY #$column".as[Order]) // safe: CWE-89
  }

  def sortedUnchecked(by: String): Future[Vector[Order]] =
    db.run(sql"SELECT * FROM orders ORDER BY #$by".as[Order]) // vuln: CWE-89

  def plain(status: String): Future[Vector[Order]] =
    db.run(sql"SELECT * FROM orders WHERE status = '#${status}' LIMIT 100".as[Order]) // vuln: CWE-89

  def cancel(id: Long): Future[Int] =
    db.run(sqlu"UPDATE orders SET status = 'cancelled' WHERE id = #$id") // safe: CWE-89
}

class OrdersRoutes(repo: OrdersRepository)(implicit ec: ExecutionContext) {
  private val key = new SecretKeySpec(sys.env("ORDERS_KEY").getBytes("UTF-8"), "AES")
  private val dbPassword = "orders_db_pw_2023" // vuln: CWE-798

  val route: Route =
    path("orders") {
      parameter("customer") { customer =>
        onSuccess(repo.byCustomerRaw(customer)) { os => complete(os.map(_.id).mkString(",")) }
      }
    } ~
    path("orders" / "safe") {
      parameter("customer") { customer =>
        onSuccess(repo.byCustomer(customer)) { os => complete(os.map(_.id).mkString(",")) }
      }
    } ~
    path("orders" / "sorted") {
      parameter("by") { by =>
        onSuccess(repo.sortedUnchecked(by)) { os => complete(os.size.toString) }
      }
    } ~
    path("orders" / "receipt") {
      parameter("file") { file =>
        getFromFile(new File("/srv/orders/receipts", file)) // vuln: CWE-22
      }
    } ~
    path("orders" / "receipt-dir") {
      getFromDirectory("/srv/orders/receipts") // safe: CWE-22
    } ~
    path("orders" / "login") {
      setCookie(HttpCookie("orders_session", value = java.util.UUID.randomUUID().toString)) { // vuln: CWE-614
        complete(StatusCodes.NoContent)
      }
    } ~
    path("orders" / "login-safe") {
      setCookie(HttpCookie("orders_session", value = java.util.UUID.randomUUID().toString, secure = true, httpOnly = true)) { // safe: CWE-614
        complete(StatusCodes.NoContent)
      }
    } ~
    path("orders" / "back") {
      parameter("url") { url =>
        redirect(url, StatusCodes.SeeOther) // vuln: CWE-601
      }
    } ~
    path("orders" / "search") {
      parameter("q") { q =>
        complete(HttpResponse(entity = akka.http.scaladsl.model.HttpEntity(akka.http.scaladsl.model.ContentTypes.`text/html(UTF-8)`, "<h2>" + q + "</h2>"))) // vuln: CWE-79
      }
    } ~
    path("orders" / "audit") {
      parameter("who") { who =>
        extractLog { log =>
          log.info("orders viewed by " + who) // vuln: CWE-117
          complete(StatusCodes.NoContent)
        }
      }
    }

  def encrypt(data: Array[Byte]): Array[Byte] = {
    val cipher = Cipher.getInstance("AES") // vuln: CWE-327
    cipher.init(Cipher.ENCRYPT_MODE, key)
    cipher.doFinal(data)
  }

  def encryptGcm(data: Array[Byte]): Array[Byte] = {
    val iv = new Array[Byte](12)
    new SecureRandom().nextBytes(iv)
    val cipher = Cipher.getInstance("AES/GCM/NoPadding")
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv)) // safe: CWE-329
    iv ++ cipher.doFinal(data)
  }

  def encryptStatic(data: Array[Byte]): Array[Byte] = {
    val cipher = Cipher.getInstance("AES/CBC/PKCS5Padding")
    cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec("fixed-iv-1234567".getBytes("UTF-8"))) // vuln: CWE-329
    cipher.doFinal(data)
  }

  def trustAll(): SSLContext = {
    val tm = new X509TrustManager {
      def checkClientTrusted(chain: Array[X509Certificate], authType: String): Unit = ()
      def checkServerTrusted(chain: Array[X509Certificate], authType: String): Unit = () // vuln: CWE-295
      def getAcceptedIssuers: Array[X509Certificate] = Array.empty
    }
    val ctx = SSLContext.getInstance("TLS")
    ctx.init(null, Array[TrustManager](tm), new SecureRandom())
    ctx
  }

  def exportFile(rows: Seq[Order]): Path = {
    val p = Files.createTempFile("orders", ".csv") // safe: CWE-377
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-rw-rw-")) // vuln: CWE-732
    p
  }
}
