# Tests of models/secrets (threatdesk_add_test(...)).
threatdesk_add_test(TestMemorySecretStore SOURCES TestMemorySecretStore.cpp LIBS threatdesk_models LABELS unit)
# Runs against the real Secret Service: CI runs ctest through tests/with-keyring.sh; the test
# fails (never skips) when started without it. Qt6::DBus (found by Qt6Keychain) lets it pause
# the keyring daemon to make a job time out.
threatdesk_add_test(TestKeychainSecretStore SOURCES TestKeychainSecretStore.cpp
                    LIBS threatdesk_models Qt6::DBus LABELS unit)
# It pauses the shared keyring daemon to test time-outs: never alongside another keychain user.
set_tests_properties(TestKeychainSecretStore PROPERTIES RESOURCE_LOCK secret-service)
