# Tests of models/auth (threatdesk_add_test(...)).
# private_key_jwt and DPoP cryptography: Base64Url, keys, JWS, client assertion, DPoP proofs.
foreach(test TestBase64Url TestSigningKey TestJwt TestClientAssertion TestDpopProof)
  threatdesk_add_test(${test} SOURCES ${CMAKE_CURRENT_LIST_DIR}/${test}.cpp LIBS threatdesk_models LABELS unit)
endforeach()
