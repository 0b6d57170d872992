// bastion-fixture: src/main/scala/directory/DirectoryRoutes.scala
// ok: ldap-injection
package directory

import cats.effect.IO
import com.unboundid.ldap.sdk.{Filter, LDAPConnectionPool, SearchScope}
import org.http4s.HttpRoutes
import org.http4s.dsl.io._

final class Directory(ldap: LDAPConnectionPool, peopleBase: String) {
  // The builder escapes the value.
  def uidForMail(email: String): IO[Int] = IO.blocking {
    val filter = Filter.createEqualityFilter("mail", email)
    ldap.search(peopleBase, SearchScope.ONE, filter, "uid").getEntryCount
  }
}

object DirectoryRoutes {
  object MailParam extends QueryParamDecoderMatcher[String]("mail")

  def routes(directory: Directory): HttpRoutes[IO] = HttpRoutes.of[IO] {
    case GET -> Root / "lookup" :? MailParam(mail) =>
      directory.uidForMail(mail).flatMap(n => Ok(n.toString))
  }
}
