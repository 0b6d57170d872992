// bastion-fixture: src/main/scala/directory/DirectoryRoutes.scala
package directory

import cats.effect.IO
import com.unboundid.ldap.sdk.{LDAPConnectionPool, SearchScope}
import org.http4s.HttpRoutes
import org.http4s.dsl.io._

final class Directory(ldap: LDAPConnectionPool, groupBase: String) {
  def groupsOf(uid: String): IO[Int] = IO.blocking {
    val filter = s"(&(objectClass=groupOfNames)(member=uid=$uid))"
// expect: ldap-injection
    ldap.search(groupBase, SearchScope.SUB, filter, "cn").getEntryCount
  }
}

object DirectoryRoutes {
  def routes(directory: Directory): HttpRoutes[IO] = HttpRoutes.of[IO] {
    case GET -> Root / "employees" / uid / "groups" =>
      directory.groupsOf(uid).flatMap(n => Ok(n.toString))
  }
}
