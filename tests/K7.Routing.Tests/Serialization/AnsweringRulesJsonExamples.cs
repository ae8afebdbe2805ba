using NodaTime;

namespace K7.Routing.Tests.Serialization;

/// <summary>The complete example of docs/routing-json.md: the model and the serializer's indented output.</summary>
internal static class AnsweringRulesJsonExamples
{
    public static readonly PhoneNumberCanonicalizer UsNumbers = new("US");

    /// <summary>Ellen Green's rules (user 202): every kind of destination, both ring modes, every forwarding case.</summary>
    public static AnsweringRuleSet Ellen() => AnsweringRuleSet.Create(
        "202",
        [
            AnsweringRule.For("Out of Office") with
            {
                Forwarding = new CallForwarding { WhenUnanswered = Destination.User("207") },
                SimultaneousRing = new SimultaneousRing { Targets = [new RingTarget(Destination.Device("202wp"))] },
            },
            AnsweringRule.For("Early Release") with
            {
                DoNotDisturb = true,
                Forwarding = new CallForwarding { OnDoNotDisturb = Destination.Voicemail("202") },
            },
            AnsweringRule.For("Office hours") with
            {
                CallScreening = true,
                Forwarding = new CallForwarding
                {
                    WhenBusy = Destination.Voicemail("202"),
                    WhenUnanswered = Destination.ExternalNumber("+15555550123"),
                },
            },
            AnsweringRule.For("Staff meeting") with
            {
                Forwarding = new CallForwarding { Always = Destination.Conference("300"), OnActive = Destination.User("203") },
            },
            AnsweringRule.For("Night shift") with
            {
                Forwarding = new CallForwarding { WhenOffline = Destination.ExternalNumber("+15555550123") },
                SimultaneousRing = new SimultaneousRing
                {
                    IncludeUserExtension = false,
                    RingAllUserPhones = true,
                    AnswerConfirmationForOffNet = true,
                    Targets =
                    [
                        new RingTarget(Destination.ExternalNumber("+15555550123"), Duration.FromSeconds(5)),
                        new RingTarget(Destination.UserDevices("207"), Duration.FromSeconds(10)),
                    ],
                },
            },
            AnsweringRule.For("Lunch") with
            {
                Enabled = false,
                Forwarding = new CallForwarding { Always = Destination.Other("aa-main") },
            },
        ],
        AnsweringRule.Default with
        {
            SimultaneousRing = new SimultaneousRing { Targets = [new RingTarget(Destination.Device("202wp"))] },
        },
        Duration.FromSeconds(30),
        NumberList.Create([new NumberListEntry(UsNumbers.Parse("555-123-0000"), "Front desk")]),
        NumberList.Create([new NumberListEntry(UsNumbers.Parse("5551231111"), "Spam"), new NumberListEntry(UsNumbers.Parse("+44 20 7946 0958"))]),
        blockAnonymous: true,
        voicemailEnabled: true);

    /// <summary>The indented JSON of <see cref="Ellen"/>, as docs/routing-json.md shows it.</summary>
    public const string EllenJson = """
        {
          "user": "202",
          "ringTimeoutSeconds": 30,
          "voicemail": true,
          "blockAnonymous": true,
          "allow": [
            {
              "number": "+15551230000",
              "name": "Front desk"
            }
          ],
          "block": [
            {
              "number": "+15551231111",
              "name": "Spam"
            },
            {
              "number": "+442079460958"
            }
          ],
          "default": {
            "enabled": true,
            "doNotDisturb": false,
            "callScreening": false,
            "forwarding": {},
            "ring": {
              "mode": "simultaneous",
              "includeUserExtension": true,
              "ringAllUserPhones": false,
              "answerConfirmationForOffNet": false,
              "targets": [
                {
                  "destination": {
                    "kind": "device",
                    "value": "202wp"
                  },
                  "delaySeconds": 0
                }
              ]
            }
          },
          "rules": [
            {
              "timeFrame": "Out of Office",
              "enabled": true,
              "doNotDisturb": false,
              "callScreening": false,
              "forwarding": {
                "whenUnanswered": {
                  "kind": "user",
                  "value": "207"
                }
              },
              "ring": {
                "mode": "simultaneous",
                "includeUserExtension": true,
                "ringAllUserPhones": false,
                "answerConfirmationForOffNet": false,
                "targets": [
                  {
                    "destination": {
                      "kind": "device",
                      "value": "202wp"
                    },
                    "delaySeconds": 0
                  }
                ]
              }
            },
            {
              "timeFrame": "Early Release",
              "enabled": true,
              "doNotDisturb": true,
              "callScreening": false,
              "forwarding": {
                "onDoNotDisturb": {
                  "kind": "voicemail",
                  "value": "202"
                }
              },
              "ring": {
                "mode": "userExtension"
              }
            },
            {
              "timeFrame": "Office hours",
              "enabled": true,
              "doNotDisturb": false,
              "callScreening": true,
              "forwarding": {
                "whenBusy": {
                  "kind": "voicemail",
                  "value": "202"
                },
                "whenUnanswered": {
                  "kind": "externalNumber",
                  "value": "+15555550123"
                }
              },
              "ring": {
                "mode": "userExtension"
              }
            },
            {
              "timeFrame": "Staff meeting",
              "enabled": true,
              "doNotDisturb": false,
              "callScreening": false,
              "forwarding": {
                "always": {
                  "kind": "conference",
                  "value": "300"
                },
                "onActive": {
                  "kind": "user",
                  "value": "203"
                }
              },
              "ring": {
                "mode": "userExtension"
              }
            },
            {
              "timeFrame": "Night shift",
              "enabled": true,
              "doNotDisturb": false,
              "callScreening": false,
              "forwarding": {
                "whenOffline": {
                  "kind": "externalNumber",
                  "value": "+15555550123"
                }
              },
              "ring": {
                "mode": "simultaneous",
                "includeUserExtension": false,
                "ringAllUserPhones": true,
                "answerConfirmationForOffNet": true,
                "targets": [
                  {
                    "destination": {
                      "kind": "externalNumber",
                      "value": "+15555550123"
                    },
                    "delaySeconds": 5
                  },
                  {
                    "destination": {
                      "kind": "userDevices",
                      "value": "207"
                    },
                    "delaySeconds": 10
                  }
                ]
              }
            },
            {
              "timeFrame": "Lunch",
              "enabled": false,
              "doNotDisturb": false,
              "callScreening": false,
              "forwarding": {
                "always": {
                  "kind": "other",
                  "value": "aa-main"
                }
              },
              "ring": {
                "mode": "userExtension"
              }
            }
          ]
        }
        """;
}
