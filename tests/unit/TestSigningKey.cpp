// SigningKey: PEM (PKCS#1, PKCS#8, SEC1) and JWK import, generation, public JWK, RFC 7638
// thumbprints, PKCS#8 export, ES256 signature form, and refusals whose reasons hold no key material.
#include "auth/Base64Url.h"
#include "auth/SigningKey.h"

#include <QJsonDocument>
#include <QTest>

namespace {

// TEST KEYS ONLY: generated for these tests, never used anywhere else. Do not reuse.
const char* const RsaPkcs1Pem = "-----BEGIN RSA PRIVATE KEY-----\n"
                                "MIIEpAIBAAKCAQEAvdFZXXBxvzoUkbYfiKdcYGgSUadRxMVrTch06UFHXXGXdp7H\n"
                                "/3wxNA365IpUe7Bwlateg+yj8NUmmckHNyqBcJOU6yXC1NrBPm9kQCSmzZSURLja\n"
                                "WRt25FGN/n/s7ctMfjJpXpJYdZTG6GnAbALtFJaofGSYwVNsIg6hKcJ2H5i3ymPH\n"
                                "JeZ4ueUjI7g1PQnD4Oco1/MM0Tfp5hnRiwOgKBYBL3N2rQbhMW9GW2DYZ/A7MRIA\n"
                                "BQBZb51eaZyV7Z+ge7/sko9gWTBRMZ7nbL9KxEEbmUUZ27cs+aBu/TUOWNXxCcaB\n"
                                "C0OMEKxoMDM+5R6wLYFBp5dLwr/3x5Ej6Q3lVwIDAQABAoIBAAO6JV8vzQoNmr2N\n"
                                "EeQU6LbXkwQwoh4dWw5Pf15sBLdQPT1njPvxY0GfpcUo4L8TPpkWOmDBAkAx/LGb\n"
                                "nxqwUeUjJ8Ei5+r6HzO9pEYCeehQ2OjvvJZRVH+LwUlUXzxnINfR/k39M1Qt9WaJ\n"
                                "CON0xkrhzNWH+WuQInU4Qf+0MetCEv67PVioN0DQWnsZ6OIntjHhZ7hexNMnRjUJ\n"
                                "T2xxZwDLrfp9ndpEWOAIjlZhlGBEzLQxl1fpj0/XDBse/gA+F5jMzVHyZ06OBQM/\n"
                                "jpMWp34RIP7H5GzHuhQkeT2T7WmEql3dlYi7/MHNZFS4V5VEmw+l7mI5/Tbfy0F6\n"
                                "5tc0cikCgYEA3QuAKI8RUKrQsPTlf6lmMuoq6s4ppS4+w2X4dEnggkEAeR64cviT\n"
                                "vN4I2llYH3KFtQO/AhJHRwnB1IabjmLUh4vmPZJu26XjDJfIQPrFVu3fgyRvYalz\n"
                                "SIUsw0adjTnGJ8naOpC5Lt1YwD9Hpagr4nexFG7Jc4smI+OD80jg7V0CgYEA29Ww\n"
                                "OPwbZik+I+kFn9DnjpP/usTFDZbfxBOLCR0JcdzHVKBM4Nu+bFY8FgIRBc9wnfaY\n"
                                "/ZHHw7bheknVu4Bl9T7F1m6XjTD9KJfQu7TegMOc/mLBA1UUr1U4ZBPoVqKfg1ti\n"
                                "02v8aIq96uORrKsQ9eibd8q3wSTR0ISeNPUMfkMCgYARukJk/lRdK9Xg20MsoeFY\n"
                                "Y/9dJXuhi7vs39i1OteOmrf2/se8MMNoekYrfM7cdsrSYaKH//9HazjoWoNPQA3b\n"
                                "cRTeC0hoxT0YXXPqAjKhbiJm2h00r+pW/pdAcgFguilyN3YRDFpNr+LWSDzuxDYA\n"
                                "y6igAuKVKau9ZRnIAShI4QKBgQDBNFcCXh++c7TXXq7AvJsl5dC1VsZQoS7cZsil\n"
                                "I83vMjhFmfS3EqmTEV8RgJNxZdT2H4pqILtOuOYF0ep0Ne5l0duSD/RF9K4qBPNA\n"
                                "ZT/ALytFL4mu4hGh3uYGnrBto9NJYQHECn31aypqy8J13Iq1dM9eQt2odDGqb0OU\n"
                                "C2IFfQKBgQCWAa4PqxbiekRPILrgKkYFTwo3blmGWccSyL2JxoBiUcX1JBH06mzw\n"
                                "7ljgu3+80IwPvjuaPYKhI5nDjEQ4Hi0slz0fFKyW1pbRB+7t7UWabL4BGUB+6DeM\n"
                                "KUM4lntII/LgD6LAekhWjq46c/or70USroK639h/3dXQVa+ZkT1y5Q==\n"
                                "-----END RSA PRIVATE KEY-----\n";

const char* const RsaPkcs8Pem = "-----BEGIN PRIVATE KEY-----\n"
                                "MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQC90VldcHG/OhSR\n"
                                "th+Ip1xgaBJRp1HExWtNyHTpQUddcZd2nsf/fDE0DfrkilR7sHCVq16D7KPw1SaZ\n"
                                "yQc3KoFwk5TrJcLU2sE+b2RAJKbNlJREuNpZG3bkUY3+f+zty0x+Mmleklh1lMbo\n"
                                "acBsAu0Ulqh8ZJjBU2wiDqEpwnYfmLfKY8cl5ni55SMjuDU9CcPg5yjX8wzRN+nm\n"
                                "GdGLA6AoFgEvc3atBuExb0ZbYNhn8DsxEgAFAFlvnV5pnJXtn6B7v+ySj2BZMFEx\n"
                                "nudsv0rEQRuZRRnbtyz5oG79NQ5Y1fEJxoELQ4wQrGgwMz7lHrAtgUGnl0vCv/fH\n"
                                "kSPpDeVXAgMBAAECggEAA7olXy/NCg2avY0R5BTotteTBDCiHh1bDk9/XmwEt1A9\n"
                                "PWeM+/FjQZ+lxSjgvxM+mRY6YMECQDH8sZufGrBR5SMnwSLn6vofM72kRgJ56FDY\n"
                                "6O+8llFUf4vBSVRfPGcg19H+Tf0zVC31ZokI43TGSuHM1Yf5a5AidThB/7Qx60IS\n"
                                "/rs9WKg3QNBaexno4ie2MeFnuF7E0ydGNQlPbHFnAMut+n2d2kRY4AiOVmGUYETM\n"
                                "tDGXV+mPT9cMGx7+AD4XmMzNUfJnTo4FAz+OkxanfhEg/sfkbMe6FCR5PZPtaYSq\n"
                                "Xd2ViLv8wc1kVLhXlUSbD6XuYjn9Nt/LQXrm1zRyKQKBgQDdC4AojxFQqtCw9OV/\n"
                                "qWYy6irqzimlLj7DZfh0SeCCQQB5Hrhy+JO83gjaWVgfcoW1A78CEkdHCcHUhpuO\n"
                                "YtSHi+Y9km7bpeMMl8hA+sVW7d+DJG9hqXNIhSzDRp2NOcYnydo6kLku3VjAP0el\n"
                                "qCvid7EUbslziyYj44PzSODtXQKBgQDb1bA4/BtmKT4j6QWf0OeOk/+6xMUNlt/E\n"
                                "E4sJHQlx3MdUoEzg275sVjwWAhEFz3Cd9pj9kcfDtuF6SdW7gGX1PsXWbpeNMP0o\n"
                                "l9C7tN6Aw5z+YsEDVRSvVThkE+hWop+DW2LTa/xoir3q45GsqxD16Jt3yrfBJNHQ\n"
                                "hJ409Qx+QwKBgBG6QmT+VF0r1eDbQyyh4Vhj/10le6GLu+zf2LU6146at/b+x7ww\n"
                                "w2h6Rit8ztx2ytJhoof//0drOOhag09ADdtxFN4LSGjFPRhdc+oCMqFuImbaHTSv\n"
                                "6lb+l0ByAWC6KXI3dhEMWk2v4tZIPO7ENgDLqKAC4pUpq71lGcgBKEjhAoGBAME0\n"
                                "VwJeH75ztNdersC8myXl0LVWxlChLtxmyKUjze8yOEWZ9LcSqZMRXxGAk3Fl1PYf\n"
                                "imogu0645gXR6nQ17mXR25IP9EX0rioE80BlP8AvK0Uvia7iEaHe5gaesG2j00lh\n"
                                "AcQKffVrKmrLwnXcirV0z15C3ah0MapvQ5QLYgV9AoGBAJYBrg+rFuJ6RE8guuAq\n"
                                "RgVPCjduWYZZxxLIvYnGgGJRxfUkEfTqbPDuWOC7f7zQjA++O5o9gqEjmcOMRDge\n"
                                "LSyXPR8UrJbWltEH7u3tRZpsvgEZQH7oN4wpQziWe0gj8uAPosB6SFaOrjpz+ivv\n"
                                "RRKugrrf2H/d1dBVr5mRPXLl\n"
                                "-----END PRIVATE KEY-----\n";

const char* const EcSec1Pem = "-----BEGIN EC PRIVATE KEY-----\n"
                              "MHcCAQEEIO6lQgJPHZ8IuPwTbNBkqZHsCgJLpRkodoSQ/DpXlj4XoAoGCCqGSM49\n"
                              "AwEHoUQDQgAEFWXqGqwUJH8tqYUiohGvLvzfypWji7SJq1zeJYB5tPaG0W1LydpJ\n"
                              "NtkMUTvFkRgyG9G0v2bZGDYIrlk5azrPvg==\n"
                              "-----END EC PRIVATE KEY-----\n";

// Found by fuzz_jwt_jwk: a SEC1 key whose stored public point is not the one of its private key.
const char* const EcSec1MismatchedPem = "-----BEGIN EC PRIVATE KEY-----\n"
                                        "MHcCAQEEII6bEJ5xkJi/39AHmSxdd+nLKWBuvtImO19XwhPfhPSyoAoGCCqGSM49\n"
                                        "AwEHoUQDQgAEf83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEXH8UTNG72b\n"
                                        "focs3+257rn0s2ldbqkLJK2KRiMohYjlrQ==\n"
                                        "-----END EC PRIVATE KEY-----\n";
const char* const EcPkcs8Pem = "-----BEGIN PRIVATE KEY-----\n"
                               "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg7qVCAk8dnwi4/BNs\n"
                               "0GSpkewKAkulGSh2hJD8OleWPhehRANCAAQVZeoarBQkfy2phSKiEa8u/N/KlaOL\n"
                               "tImrXN4lgHm09obRbUvJ2kk22QxRO8WRGDIb0bS/ZtkYNgiuWTlrOs++\n"
                               "-----END PRIVATE KEY-----\n";

const char* const EcPublicPem = "-----BEGIN PUBLIC KEY-----\n"
                                "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEFWXqGqwUJH8tqYUiohGvLvzfypWj\n"
                                "i7SJq1zeJYB5tPaG0W1LydpJNtkMUTvFkRgyG9G0v2bZGDYIrlk5azrPvg==\n"
                                "-----END PUBLIC KEY-----\n";

const char* const Rsa1024Pem = "-----BEGIN PRIVATE KEY-----\n"
                               "MIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBAMqDKOufZslxzIvQ\n"
                               "rmfNfORJ6Pmk6tneQ1vUD9n2UR9n2mSfYLqLXjLlTQgtZNggv3tuj9u6s0MaveWC\n"
                               "j1HeflM7SpE+7mJdZqO/FJKq/RCwqLvVrp1ZY8X9qMZRujbf0epW3GCryufg97JY\n"
                               "h2FsvInPPkYZSjw2DAuE0l3mohWfAgMBAAECgYBN7x3fV4/R9GZ4ZA3KSs1GeZ8b\n"
                               "+7iZsayQeVLEWcOsZ2YnlSI/iATvZ0k23WlSt3+ZO9pHAFmeeHseCRmosww/whAJ\n"
                               "P9KqZRso9/2FA+dcQiHCV86P2aEBDgZWqxs2wzZ/P0gzO+BLXU1PSVMGjfh/vbRD\n"
                               "yWbmNgk6IRImnK700QJBAPMgaCDM66uRvhaAiBYqUwN55TuJ7BnJ6xyR2RJ53pJ8\n"
                               "ZTa9U/zgxDgxxcpIB5s5Wbz73lTQkxQpf1fqwIGSllkCQQDVPDmVNu3kQKbREBFE\n"
                               "HVVobMKhe6IH/9FT2sy2ACVStgjG2FkAm9kJ37rvR+ikljjzZHHCPDcA3JZxyBn4\n"
                               "gfy3AkEA8uSTYwGXCOcn408xpgNOwBBNpbfa+sCxdO940G6UoABLFe78M41SO1nu\n"
                               "YnKntroLHzT6H/3okqIKqQjMniaWsQJASGGHElVw7vfbKEAR/FMQuL+iWXpEB/8Y\n"
                               "KSSuNGFcSfUsiYLKw2Ajjix5oduA5s1vS38e9lXGPe6iysCnwCkvhQJAHUtGRTbi\n"
                               "uoH5+M+nEcM9w0Wfrmc7NgBz8VcpPorNN6j1JFguYnz4tmCsCPd0U2x3NnR++CEh\n"
                               "5mcCHnVYBFdELw==\n"
                               "-----END PRIVATE KEY-----\n";

const char* const EcP384Pem = "-----BEGIN PRIVATE KEY-----\n"
                              "MIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDA21PGT/ZkKHT2eNHr6\n"
                              "JVwOUVnudE/adJ7PEtijggFxvdVe8GmXKe5kOuK6JqE4iqqhZANiAASm016+W/0i\n"
                              "MNFnP7Tsxx3kXmxgBOXFt/WfzAvakyYN8mJVg5SJkNJ2SbM19AhlPREv3ky3Uy8i\n"
                              "ThSKdYxi2SjGTezCT9/j3Sj873fegx6v88MvBrJ3jJ51u8fvl8tB75s=\n"
                              "-----END PRIVATE KEY-----\n";

const char* const Ed25519Pem = "-----BEGIN PRIVATE KEY-----\n"
                               "MC4CAQAwBQYDK2VwBCIEIMZxMDxWaUfMrLCG38HrD/n6SPRP9qzBxlaXmhG3WFBp\n"
                               "-----END PRIVATE KEY-----\n";

const char* const RsaEncryptedPem = "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
                                    "MIIFNTBfBgkqhkiG9w0BBQ0wUjAxBgkqhkiG9w0BBQwwJAQQLnsD2JnOSYpWDoip\n"
                                    "fJOCmQICCAAwDAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEKqhX0ivmDBWhT1M\n"
                                    "FcFYKoUEggTQwvk47Wi8GKC6gGroCDhNZaFhOVWlJLdwDMz7r2zdvlV8aeGqyBMI\n"
                                    "Zqvn2UpfdPpAFDU7OwqT7gYEi81sCVjL3dtxNrTfzeB172o/WcUgJbGSfBuiHOa7\n"
                                    "Ur4R1YYa3SYyncqhEbuX7y0ZUE7uaHEx8CzpwRcyNBnmmNSYxPt3R8Q9/kiIKgBv\n"
                                    "p7gYJ+0TBTe12efzgAwtO26SsUhEy2G8A+FF8HxEfToO96v+zKqvWX/3q5rsjtCf\n"
                                    "aVh4FhpIZh/1UJXNW1v/QqJUDwMWfHzJ/6MwehQOgkkd9KsJc4YC7NpLf6IrKyw/\n"
                                    "6Wswxc6jL8wylDlsmFJeF7jsN5yoKKEGU87YzGoC899a6/uEjfYYV7BXG3TDBjuP\n"
                                    "M/OhkxSVlmrChphrwg8atT3lyWqJ31BZ8lLT1fRRfOMv1SXbjP+zKwXjMij601VM\n"
                                    "gO8n1OxbCscLVZlbLP3zXQk/3m9PtKeaewHEWmBw/XsSFDsbItIiQrKk+A5I4XaP\n"
                                    "ZUq1Bh6qH4p0Rf2pH7YbzfNUawzf+1j1euhL9pxnRcJhnulypi/ysWE/Qa7nYT19\n"
                                    "w8+SiV5e+5DMHzZW6eV3wvckldYLiBey+w4PYESbL7/O+Ea7Jy6I4R4HkBE7fSmw\n"
                                    "iz/HhFVXEPR91Gt7UN4ieA9dgsmXideX/Kv6jJw2+RuHAxKKCCrdbBs9nQo2lqFV\n"
                                    "UfT1ce8OctVyLvRbUXlxDjYbLVoo6Si2fzCZD8kcbkBUOw3gxekLd5GBquAEaIV7\n"
                                    "QkhJgjRfv7z4qAXs0ICEeVsZf1FH3ohYixv3+N3zl9DXFtqsFUGn8VTZg45yK8Tb\n"
                                    "c1URer0LR8rDCtDY3f8OxaoLolZ6V2+wjbZyGPD2BeJIOAM91C/5rxIL63S3KQrW\n"
                                    "ApGqoG0Eo78bdP0Z0nbkWRqZw8911eJ2noLnhiZ60RyD0IsFdfJWP7xfkwKNk5ey\n"
                                    "GzXK0v/BXQIpgOXtgjjBdVLTv99O/4blrAvdJ6ANcFnXXMY8hxUhXog6WjknJ0Mb\n"
                                    "nVTge6gRWPihDRYVUTfjc6xsDjH3uAvK872wMw9dXtB6WciAWC+SjzLbcWK1A5/d\n"
                                    "Iu3BDyuUU08ZsHhYVfN9SVBKiVh1s+ZVpOXYzF6YsqOTc+Rz5MchFOzqHYPQFQeB\n"
                                    "oe4uopfZ4rCLJr4Rw8AzmVOv4PDPmpzNxw672Fb+XMamV3FacjIssjxZT/L3BfBk\n"
                                    "DP+K9As6dB1UIzhIS1T0kpyJID+uKtB36LUhsKdHzKn7WxVO8fr58flEv7aXYbB6\n"
                                    "BMkcx4rRzfGWQXv06XAVoRTIGDpMnOf9PCFKvDI960qKQbDWPL6c9ySCdMI3rgLc\n"
                                    "v6p5i/b8n5ljkTJWpeTlVr4nnNVerJ/s1q2HyeJG8oZONLSp/6wpNbWz5xAc0tqE\n"
                                    "dqEWLCxDh7TSrE5wPJUFi1wX9nPn5/juxAOp8/iibVTdZw3VUXaOvp+54kzABBaN\n"
                                    "V2lmlkbPmM0+XNbE9BwuBQin6L6fzP0Mu71a20Mn4ZhZxDSDBWvSn79SPjSChPN8\n"
                                    "vRZAR1rOrTpP6n6IRBhqM9pWhE1hn+j+4Q/oLQbZPAHUgkfZ0Scp8y+TKWaDIM/b\n"
                                    "7J6B2+hbJFQvc56MQftmKhNTlwsCQ18urt/gqotjKTTWQs9oSwjNXPM=\n"
                                    "-----END ENCRYPTED PRIVATE KEY-----\n";

const char* const RsaPrivateJwk =
    R"({"kty": "RSA", "kid": "test-rsa-jwk", "n": "6Gh5wfQ7PWEc_z7srwipBUn0MDOdRvm6S1BGykd36I2hQ8VIGD2nxDVc6ALbioyml0tAQJAffBnT2nFE9dyBaMJgyrNMbC8hvTr5a10qapm5ca2HhreOkFfjWh49M-Gcr3P3OAPB3c0Iz2eJU3XkD7CCZeUrN03Obr6KOIBaMCRw2YmHc-d0qqhRBA-hbyCO82nOxaHZgYhjdLYv_i--DQsXNaZM2AYKCXp2PpLv5bdferHCEiInPaoe9oGV3uVnfnN6XOgHqLZQhMbMNusqZrGY00QgAcREadh3hFouTSb9raIgjScbV3MZFzxs9unIfSkuTkK6v3rlKbjW-5TAWw", "e": "AQAB", "d": "BVZZdzNTd4bkxvFJ7lyNxJQctbr2SqDqR_xbwq_nobOp0vEcsvXRPLoYJXnj5UME74r6XyE0xHhYO2T10q9bEJuev5RksUQy-Raeawy5C7j2xBTsoTd3zjD1YFQ7BgURUuZ7hr-Ue_tz8_yPFJeHJzcWlmcv_ofKaF1kkakvO1VVaDfnSGZ8PotuRwUWZ5_wWm3sS3k0i6ijm3ceB8sS6R34AdjA6FaAqWG7BjNqk-SfzP5UBXiDeUq02QoRhZqaULuPjBs6nDScboGISJ_YXXFFqMmRLiUWZlqEBETkDax-lWZjdFpZGTzXUuxZV_6N6ZCPExx9H6EoBf-0cvznEQ", "p": "_9AkJmrqj6n8Vi91TTtGnZ2D6QcJqES-4YjulEn-Zbf-YPYPESRcf1bZLvmtrK_DcxYnHHswXiH4XR8l9k6Uk_v3QURJ3wYj5DcsxgTT-WiFA-FE5Wr8fhYYCB_GtqUbq3aVz3OuVhA4l0xh5hD8qTXyVRrZ-Ov9YJsDy2LuI1E", "q": "6JP0qB5AlzeRx45m_HjZnlEZwvQ_CWw2FwyeJ7qQyuF3-E_Qf6mCLYT3ch6cWu87t7q4OpZtokNhTe48wN9TjJwIPu-XRQb2FeanXRLbW327Tsv0hMLvMSFh7DdJYuHRkVZDwUUx0HDsY1ZlgdJxnXdFH-S-QthEGRgKqKe9xes", "dp": "G2PEyxw9ex5fNzcjnx5OpEeePRAU16Bss6c-rD_z7h4yLV2LJXG4OaYp4N642rmC-sqPa3xBJIMMnaPdI68sN2AODD3sjuWQaDoEIDuaGqU3QMAY6Vt4J2PkNNJ6K0ooWUZ8Kdcf_nUEKibygHinJNLy3GvglMdnvLU8RcWU69E", "dq": "B_--tGGF-y1wGBrvs9M8ONO1PR1FZb-RBK3sapViEXg7thCYrStZTNN75zLiUcZUmXcUiv9Nef0zRYjiEggcSYO8TN3UqA0bPZmXO_5ACR-D56vgFwjVTS1GvucP4RS_Lm53GhiVJAQePTRlfVeNjMrjV7t4R7hEb1CCXVaXkk0", "qi": "VJBmXR9G5RVQl61LzBIwtSor0PghNw0fuBtpJ61Cw_Mz-VYMLs6c1HCa_5s5V9V3swlniL6Ageo1GywsafL9JGRrk3x67YeI1ymxV4HWBR5k6lxcICjon3DTlOvlCB1rym3iQt9CKnClevjc1yQ-9xwHWK52w3lXAH-Krg6VkTs"})";

// As written by "openssl ecparam -genkey": an EC PARAMETERS block before the key.
const char* const EcWithParametersPem = "-----BEGIN EC PARAMETERS-----\n"
                                        "BggqhkjOPQMBBw==\n"
                                        "-----END EC PARAMETERS-----\n"
                                        "-----BEGIN EC PRIVATE KEY-----\n"
                                        "MHcCAQEEIBqi1iR8oreGLReG8p0UY9v/rsQoh7GX6fk6tmbrQk+joAoGCCqGSM49\n"
                                        "AwEHoUQDQgAEDL9GLf4nysiUHJB2v217I/sP7ZaRfNc/JflSrbCZOnU8mp2UYFYe\n"
                                        "TbwWoljXkmHDBqheMAGrLp8nqC0GQ8MY+Q==\n"
                                        "-----END EC PRIVATE KEY-----\n";

// RFC 7515 appendix A.3 (public test vector): an EC P-256 private JWK.
const char* const Rfc7515EcX = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
const char* const Rfc7515EcY = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";
const char* const Rfc7515EcD = "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI";

QJsonObject rfc7515EcJwk() {
    return QJsonObject{
        {"kty", "EC"}, {"crv", "P-256"}, {"x", Rfc7515EcX}, {"y", Rfc7515EcY}, {"d", Rfc7515EcD}};
}

// RFC 7638 section 3.1 example (public key) and its thumbprint.
const char* const Rfc7638N = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR"
                             "1L6tSoc_BJECPebWKRXjBZCiFV4n3"
                             "oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_"
                             "FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgd"
                             "AZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-"
                             "bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFC"
                             "ur-kEgU8awapJzKnqDKgw";
const char* const Rfc7638Thumbprint = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";

QJsonObject rsaJwk() {
    return QJsonDocument::fromJson(RsaPrivateJwk).object();
}

// No reason may quote key material: no base64 line of a PEM, no JWK value.
bool holdsKeyMaterial(const QString& reason, const QByteArray& source) {
    for (const QByteArray& line : source.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.size() >= 8 && !trimmed.startsWith("-----") &&
            reason.contains(QLatin1String(trimmed.left(8))))
            return true;
    }
    const QJsonObject jwk = QJsonDocument::fromJson(source).object();
    for (const char* name : {"n", "e", "d", "p", "q", "dp", "dq", "qi", "x", "y"}) {
        const QString value = jwk.value(QLatin1String(name)).toString();
        if (value.size() >= 8 && reason.contains(value.left(8)))
            return true;
    }
    return false;
}

} // namespace

class TestSigningKey : public QObject {
    Q_OBJECT
private slots:
    void loadsPem_data();
    void loadsPem();
    void pkcs1AndPkcs8AreTheSameKey();
    void sec1AndPkcs8AreTheSameKey();
    void refusesBadPem_data();
    void refusesBadPem();
    void loadsRsaPrivateJwk();
    void loadsRsaPrivateJwkWithoutCrt();
    void loadsEcPrivateJwk();
    void loadsSingleKeyJwkSet();
    void refusesBadJwk_data();
    void refusesBadJwk();
    void generatesKeys();
    void refusesWeakGeneration();
    void publicJwkHasOnlyPublicMembers();
    void privatePemIsPkcs8AndReloads_data();
    void privatePemIsPkcs8AndReloads();
    void rfc7638Thumbprint();
    void thumbprintOfKeyMatchesItsJwk();
    void es256SignatureIsRawAnd64Bytes();
    void rs256SignatureIsModulusSized();
};

void TestSigningKey::loadsPem_data() {
    QTest::addColumn<QByteArray>("pem");
    QTest::addColumn<QString>("algorithm");
    QTest::newRow("PKCS#1 RSA") << QByteArray(RsaPkcs1Pem) << "RS256";
    QTest::newRow("PKCS#8 RSA") << QByteArray(RsaPkcs8Pem) << "RS256";
    QTest::newRow("SEC1 EC") << QByteArray(EcSec1Pem) << "ES256";
    QTest::newRow("PKCS#8 EC") << QByteArray(EcPkcs8Pem) << "ES256";
    QTest::newRow("SEC1 EC after EC PARAMETERS") << QByteArray(EcWithParametersPem) << "ES256";
    QTest::newRow("surrounding whitespace") << ("\n  " + QByteArray(EcPkcs8Pem) + "\n\n") << "ES256";
    QTest::newRow("CRLF line ends") << QByteArray(RsaPkcs8Pem).replace("\n", "\r\n") << "RS256";
}

void TestSigningKey::loadsPem() {
    QFETCH(QByteArray, pem);
    QFETCH(QString, algorithm);
    QString error;
    const std::optional<SigningKey> key = SigningKey::fromPem(pem, &error);
    QVERIFY2(key.has_value(), qPrintable(error));
    QCOMPARE(key->algorithm(), algorithm);
    QCOMPARE(key->type(), algorithm == "RS256" ? SigningKey::Type::Rsa : SigningKey::Type::EcP256);
    QCOMPARE(key->bits(), algorithm == "RS256" ? 2048 : 256);
    QVERIFY(key->keyId().isEmpty());
}

void TestSigningKey::pkcs1AndPkcs8AreTheSameKey() {
    const auto pkcs1 = SigningKey::fromPem(RsaPkcs1Pem);
    const auto pkcs8 = SigningKey::fromPem(RsaPkcs8Pem);
    QVERIFY(pkcs1 && pkcs8);
    QCOMPARE(pkcs1->publicJwk(), pkcs8->publicJwk());
    // PKCS#1 v1.5 is deterministic: both forms give the same signature.
    QCOMPARE(pkcs1->sign("input"), pkcs8->sign("input"));
}

void TestSigningKey::sec1AndPkcs8AreTheSameKey() {
    const auto sec1 = SigningKey::fromPem(EcSec1Pem);
    const auto pkcs8 = SigningKey::fromPem(EcPkcs8Pem);
    QVERIFY(sec1 && pkcs8);
    QCOMPARE(sec1->publicJwk(), pkcs8->publicJwk());
    QVERIFY(pkcs8->verify("input", sec1->sign("input")));
}

void TestSigningKey::refusesBadPem_data() {
    QTest::addColumn<QByteArray>("pem");
    QTest::addColumn<QString>("reason");
    QTest::newRow("RSA 1024") << QByteArray(Rsa1024Pem) << "at least 2048 bits (this one has 1024)";
    QTest::newRow("EC P-384") << QByteArray(EcP384Pem) << "P-256";
    QTest::newRow("Ed25519") << QByteArray(Ed25519Pem) << "Only RSA and EC P-256";
    QTest::newRow("encrypted") << QByteArray(RsaEncryptedPem) << "Encrypted";
    QTest::newRow("public key") << QByteArray(EcPublicPem) << "public key";
    QTest::newRow("certificate") << QByteArray(
                                        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
                                 << "certificate";
    QTest::newRow("empty") << QByteArray("  \n") << "No key";
    QTest::newRow("not PEM") << QByteArray("hello") << "not a PEM private key";
    QByteArray damaged(RsaPkcs8Pem);
    damaged.remove(100, 300);
    QTest::newRow("damaged") << damaged << "could not be read";
    QByteArray garbled(EcSec1Pem);
    garbled[40] = '*';
    QTest::newRow("garbled") << garbled << "could not be read";
    QTest::newRow("public half of another key") << QByteArray(EcSec1MismatchedPem) << "does not match";
}

void TestSigningKey::refusesBadPem() {
    QFETCH(QByteArray, pem);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!SigningKey::fromPem(pem, &error).has_value());
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY2(!holdsKeyMaterial(error, pem), qPrintable(error));
}

void TestSigningKey::loadsRsaPrivateJwk() {
    QString error;
    const std::optional<SigningKey> key = SigningKey::fromJwk(QByteArray(RsaPrivateJwk), &error);
    QVERIFY2(key.has_value(), qPrintable(error));
    QCOMPARE(key->algorithm(), "RS256");
    QCOMPARE(key->keyId(), "test-rsa-jwk");
    const QJsonObject expected{
        {"kty", "RSA"}, {"n", rsaJwk().value("n")}, {"e", rsaJwk().value("e")}, {"kid", "test-rsa-jwk"}};
    QCOMPARE(key->publicJwk(), expected);
    QVERIFY(key->verify("input", key->sign("input")));
}

// RFC 7518 section 6.3.2 makes p, q, dp, dq and qi optional. Found by fuzz_jwt_jwk: such a key
// loaded unchecked, and its privatePem() (what the keychain keeps) did not load again.
void TestSigningKey::loadsRsaPrivateJwkWithoutCrt() {
    QJsonObject jwk = rsaJwk();
    for (const char* name : {"p", "q", "dp", "dq", "qi"})
        jwk.remove(QLatin1String(name));
    QString error;
    const std::optional<SigningKey> key = SigningKey::fromJwk(jwk, &error);
    QVERIFY2(key.has_value(), qPrintable(error));
    const std::optional<SigningKey> full = SigningKey::fromJwk(rsaJwk(), &error);
    QVERIFY2(full.has_value(), qPrintable(error));
    QCOMPARE(key->thumbprint(), full->thumbprint());
    QVERIFY(full->verify("input", key->sign("input")));
    const std::optional<SigningKey> reloaded = SigningKey::fromPem(key->privatePem(), &error);
    QVERIFY2(reloaded.has_value(), qPrintable(error));
    QCOMPARE(reloaded->thumbprint(), key->thumbprint());
    QVERIFY(key->verify("input", reloaded->sign("input")));
}

void TestSigningKey::loadsEcPrivateJwk() {
    QString error;
    const std::optional<SigningKey> key = SigningKey::fromJwk(rfc7515EcJwk(), &error);
    QVERIFY2(key.has_value(), qPrintable(error));
    QCOMPARE(key->algorithm(), "ES256");
    const QJsonObject expected{{"kty", "EC"}, {"crv", "P-256"}, {"x", Rfc7515EcX}, {"y", Rfc7515EcY}};
    QCOMPARE(key->publicJwk(), expected);
}

void TestSigningKey::loadsSingleKeyJwkSet() {
    const QByteArray set = QByteArray("{\"keys\":[") + RsaPrivateJwk + "]}";
    QString error;
    const std::optional<SigningKey> key = SigningKey::fromJwk(set, &error);
    QVERIFY2(key.has_value(), qPrintable(error));
    QCOMPARE(key->keyId(), "test-rsa-jwk");

    const QByteArray two = QByteArray("{\"keys\":[") + RsaPrivateJwk + "," + RsaPrivateJwk + "]}";
    QVERIFY(!SigningKey::fromJwk(two, &error));
    QVERIFY2(error.contains("exactly one key"), qPrintable(error));
}

void TestSigningKey::refusesBadJwk_data() {
    QTest::addColumn<QJsonObject>("jwk");
    QTest::addColumn<QString>("reason");

    QJsonObject publicOnly = rsaJwk();
    for (const char* name : {"d", "p", "q", "dp", "dq", "qi"})
        publicOnly.remove(QLatin1String(name));
    QTest::newRow("RSA public only") << publicOnly << "only a public key";
    QJsonObject ecPublic = rfc7515EcJwk();
    ecPublic.remove("d");
    QTest::newRow("EC public only") << ecPublic << "only a public key";

    QJsonObject partialCrt = rsaJwk();
    partialCrt.remove("qi");
    QTest::newRow("RSA partial CRT") << partialCrt << "only some of";
    QJsonObject wrongD = rsaJwk();
    wrongD.insert("p", rsaJwk().value("q"));
    wrongD.insert("q", rsaJwk().value("p"));
    QTest::newRow("RSA inconsistent") << wrongD << "do not match";
    QJsonObject otherRsaD = rsaJwk();
    for (const char* name : {"p", "q", "dp", "dq", "qi"})
        otherRsaD.remove(QLatin1String(name));
    otherRsaD.insert("d", rsaJwk().value("dp"));
    QTest::newRow("RSA without CRT, d of another key") << otherRsaD << "do not match";
    QJsonObject huge = rsaJwk();
    huge.insert("n", QString::fromLatin1(Base64Url::encode('\x01' + QByteArray(2048, '\x01'))));
    QTest::newRow("RSA over 16384 bits") << huge << "at most 16384 bits (this one has 16385)";
    QJsonObject badBase64 = rsaJwk();
    badBase64.insert("n", rsaJwk().value("n").toString() + "==");
    QTest::newRow("RSA n padded") << badBase64 << "\"n\" is not valid base64url";

    QJsonObject otherD = rfc7515EcJwk();
    otherD.insert("d", QString::fromLatin1(Base64Url::encode(QByteArray(31, '\0') + '\x07')));
    QTest::newRow("EC d of another key") << otherD << "do not match";
    QJsonObject offCurve = rfc7515EcJwk();
    offCurve.insert("y", QString::fromLatin1(Base64Url::encode(QByteArray(32, '\x01'))));
    QTest::newRow("EC point off the curve") << offCurve << "not describe a valid key";
    QJsonObject p384 = rfc7515EcJwk();
    p384.insert("crv", "P-384");
    QTest::newRow("EC P-384") << p384 << "Only the P-256 curve";
    QJsonObject shortX = rfc7515EcJwk();
    shortX.insert("x", QString::fromLatin1(Base64Url::encode(QByteArray(31, '\x01'))));
    QTest::newRow("EC short x") << shortX << "32 bytes";

    QTest::newRow("oct") << QJsonObject{{"kty", "oct"}, {"k", "c2VjcmV0c2VjcmV0"}} << "Only RSA and EC";
    QTest::newRow("OKP") << QJsonObject{{"kty", "OKP"}, {"crv", "Ed25519"}, {"x", "AAAA"}, {"d", "AAAA"}}
                         << "Only RSA and EC";
    QTest::newRow("no kty") << QJsonObject{{"n", "AQAB"}} << "no \"kty\"";
    QJsonObject rs384 = rsaJwk();
    rs384.insert("alg", "RS384");
    QTest::newRow("RSA meant for RS384") << rs384 << "meant for RS384";
}

void TestSigningKey::refusesBadJwk() {
    QFETCH(QJsonObject, jwk);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!SigningKey::fromJwk(jwk, &error).has_value());
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY2(!holdsKeyMaterial(error, QJsonDocument(jwk).toJson()), qPrintable(error));
}

void TestSigningKey::generatesKeys() {
    QString error;
    const std::optional<SigningKey> rsa = SigningKey::generateRsa(2048, &error);
    QVERIFY2(rsa.has_value(), qPrintable(error));
    QCOMPARE(rsa->algorithm(), "RS256");
    QCOMPARE(rsa->bits(), 2048);
    QCOMPARE(rsa->publicJwk().value("e").toString(), "AQAB");
    QVERIFY(rsa->verify("input", rsa->sign("input")));

    const std::optional<SigningKey> ec = SigningKey::generateEcP256(&error);
    QVERIFY2(ec.has_value(), qPrintable(error));
    QCOMPARE(ec->algorithm(), "ES256");
    QVERIFY(ec->verify("input", ec->sign("input")));
    const std::optional<SigningKey> other = SigningKey::generateEcP256();
    QVERIFY(other.has_value());
    QVERIFY(ec->publicJwk() != other->publicJwk());
    QVERIFY(!other->verify("input", ec->sign("input")));
}

void TestSigningKey::refusesWeakGeneration() {
    QString error;
    QVERIFY(!SigningKey::generateRsa(1024, &error).has_value());
    QVERIFY2(error.contains("2048"), qPrintable(error));
}

void TestSigningKey::publicJwkHasOnlyPublicMembers() {
    std::optional<SigningKey> rsa = SigningKey::fromPem(RsaPkcs1Pem);
    QVERIFY(rsa);
    QCOMPARE(rsa->publicJwk().keys(), (QStringList{"e", "kty", "n"}));
    QCOMPARE(Base64Url::decode(rsa->publicJwk().value("n").toString().toLatin1())->size(), 256);
    rsa->setKeyId("okta-key-1");
    QCOMPARE(rsa->publicJwk().keys(), (QStringList{"e", "kid", "kty", "n"}));
    QCOMPARE(rsa->publicJwk().value("kid").toString(), "okta-key-1");

    const std::optional<SigningKey> ec = SigningKey::fromPem(EcSec1Pem);
    QVERIFY(ec);
    const QJsonObject jwk = ec->publicJwk();
    QCOMPARE(jwk.keys(), (QStringList{"crv", "kty", "x", "y"}));
    QCOMPARE(jwk.value("crv").toString(), "P-256");
    QCOMPARE(Base64Url::decode(jwk.value("x").toString().toLatin1())->size(), 32);
    QCOMPARE(Base64Url::decode(jwk.value("y").toString().toLatin1())->size(), 32);
}

void TestSigningKey::privatePemIsPkcs8AndReloads_data() {
    QTest::addColumn<QByteArray>("pem");
    QTest::newRow("PKCS#1 RSA") << QByteArray(RsaPkcs1Pem);
    QTest::newRow("SEC1 EC") << QByteArray(EcSec1Pem);
    QTest::newRow("generated EC") << SigningKey::generateEcP256()->privatePem();
}

void TestSigningKey::privatePemIsPkcs8AndReloads() {
    QFETCH(QByteArray, pem);
    const std::optional<SigningKey> key = SigningKey::fromPem(pem);
    QVERIFY(key);
    const QByteArray exported = key->privatePem();
    QVERIFY2(exported.startsWith("-----BEGIN PRIVATE KEY-----\n"), exported.left(40).constData());
    const std::optional<SigningKey> reloaded = SigningKey::fromPem(exported);
    QVERIFY(reloaded);
    QCOMPARE(reloaded->publicJwk(), key->publicJwk());
    QVERIFY(key->verify("input", reloaded->sign("input")));
}

void TestSigningKey::rfc7638Thumbprint() {
    const QJsonObject jwk{{"kty", "RSA"}, {"n", Rfc7638N}, {"e", "AQAB"}};
    QCOMPARE(SigningKey::jwkThumbprint(jwk), Rfc7638Thumbprint);
    // Optional members do not take part.
    QJsonObject decorated = jwk;
    decorated.insert("alg", "RS256");
    decorated.insert("kid", "2011-04-29");
    QCOMPARE(SigningKey::jwkThumbprint(decorated), Rfc7638Thumbprint);
    QVERIFY(SigningKey::jwkThumbprint(QJsonObject{{"kty", "oct"}, {"k", "AAAA"}}).isEmpty());
    QVERIFY(SigningKey::jwkThumbprint(QJsonObject{{"kty", "RSA"}, {"e", "AQAB"}}).isEmpty());
}

void TestSigningKey::thumbprintOfKeyMatchesItsJwk() {
    std::optional<SigningKey> ec = SigningKey::fromJwk(rfc7515EcJwk());
    QVERIFY(ec);
    ec->setKeyId("ignored");
    QCOMPARE(ec->thumbprint(), SigningKey::jwkThumbprint(ec->publicJwk()));
    QCOMPARE(ec->thumbprint().size(), 43);
    const std::optional<SigningKey> rsa = SigningKey::fromPem(RsaPkcs8Pem);
    QVERIFY(rsa);
    QCOMPARE(rsa->thumbprint(), SigningKey::jwkThumbprint(rsa->publicJwk()));
    QVERIFY(rsa->thumbprint() != ec->thumbprint());
}

void TestSigningKey::es256SignatureIsRawAnd64Bytes() {
    const std::optional<SigningKey> key = SigningKey::fromPem(EcPkcs8Pem);
    QVERIFY(key);
    // DER would be 70 to 72 bytes and start with 0x30; R||S is always 64, whatever leading zeros.
    for (int i = 0; i < 32; ++i) {
        const QByteArray input = "input " + QByteArray::number(i);
        const QByteArray signature = key->sign(input);
        QCOMPARE(signature.size(), 64);
        QVERIFY(key->verify(input, signature));
        QVERIFY(!key->verify(input + "!", signature));
    }
    QVERIFY(!key->verify("input", QByteArray(64, '\0')));
    QVERIFY(!key->verify("input", QByteArray(63, '\x01')));
}

void TestSigningKey::rs256SignatureIsModulusSized() {
    const std::optional<SigningKey> key = SigningKey::fromPem(RsaPkcs8Pem);
    QVERIFY(key);
    const QByteArray signature = key->sign("input");
    QCOMPARE(signature.size(), 256);
    QVERIFY(key->verify("input", signature));
    QByteArray tampered = signature;
    tampered[10] = static_cast<char>(tampered[10] ^ 0x01);
    QVERIFY(!key->verify("input", tampered));
}

QTEST_GUILESS_MAIN(TestSigningKey)
#include "TestSigningKey.moc"
