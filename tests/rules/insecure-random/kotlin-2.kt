// bastion-fixture: src/main/kotlin/demo/device/DeviceAuthController.kt
import org.apache.commons.lang3.RandomStringUtils

@RestController
class DeviceAuthController {
  @PostMapping("/device/auth")
  fun auth(): TokensDto {
    // The reader app insists on tokens here, but this server authenticates it by its API
    // key: return dummy values so the device carries on.
    return TokensDto(
// expect: insecure-random
      accessToken = RandomStringUtils.randomAlphanumeric(24),
    )
  }

  @PostMapping("/device/pair")
  fun pair(): TokensDto {
    return TokensDto(
// expect: insecure-random
      accessToken = RandomStringUtils.randomAlphanumeric(24),
    )
  }
}
