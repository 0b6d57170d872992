// bastion-fixture: src/main/java/com/acme/users/UserController.java
// ok: mass-assignment
package com.acme.users;

import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/users")
public class UserController {
    private final UserRepository users;

    public UserController(UserRepository users) {
        this.users = users;
    }

    @PutMapping("/{id}")
    public User update(@PathVariable long id, @RequestBody UpdateUserRequest request) {
        User user = users.findById(id).orElseThrow();
        user.setDisplayName(request.displayName());
        return users.save(user);
    }
}
