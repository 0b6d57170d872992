// bastion-fixture: app/controllers/ErrorHandler.scala
package controllers

import org.apache.commons.lang3.exception.ExceptionUtils
import play.api.http.HttpErrorHandler
import play.api.mvc._
import play.api.mvc.Results._
import scala.concurrent.Future

class ErrorHandler extends HttpErrorHandler {
  def onClientError(request: RequestHeader, statusCode: Int, message: String): Future[Result] =
    Future.successful(Status(statusCode)("client error"))

  def onServerError(request: RequestHeader, exception: Throwable): Future[Result] =
// expect: stack-trace-in-response
    Future.successful(InternalServerError(ExceptionUtils.getStackTrace(exception)))
}
