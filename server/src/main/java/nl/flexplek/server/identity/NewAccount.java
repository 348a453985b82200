package nl.flexplek.server.identity;

/** An account to create or update; the password is plain here and hashed before it is stored. */
public record NewAccount(String username, String displayName, Role role, String department, String siteId,
                         String password) {
    @Override
    public String toString() {
        return "NewAccount[" + username + ", " + role.code() + "]";
    }
}
