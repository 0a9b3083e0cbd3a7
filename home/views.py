from django.shortcuts import render


def accessibility(request):
    return render(request, "pages/accessibility.html")


def privacy(request):
    return render(request, "pages/privacy.html")


def contact(request):
    return render(request, "pages/contact.html")
