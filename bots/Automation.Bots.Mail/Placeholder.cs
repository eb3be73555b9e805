namespace Automation.Bots.Mail; /// <summary>x</summary>
public static class Placeholder { }
