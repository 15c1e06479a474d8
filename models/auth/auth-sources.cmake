# Sources of models/auth (target_sources(threatdesk_models PRIVATE ...)).
# OAuth 2.0 private_key_jwt and DPoP cryptography on OpenSSL 3 (EVP APIs only); no networking.
find_package(OpenSSL 3 REQUIRED)
target_sources(threatdesk_models PRIVATE
  auth/Base64Url.cpp
  auth/ClientAssertion.cpp
  auth/DpopProofBuilder.cpp
  auth/Jwt.cpp
  auth/OpenSslKey.cpp
  auth/SigningKey.cpp
)
target_link_libraries(threatdesk_models PRIVATE OpenSSL::Crypto)
